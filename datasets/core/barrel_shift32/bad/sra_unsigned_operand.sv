module TopModule(input [31:0] data, input [4:0] amount, input [1:0] mode,
                 output reg [31:0] result);
  always @* begin
    case (mode)
      2'd0: result = data << amount;
      2'd1: result = data >> amount;
      2'd2: result = data >>> amount;   // data is unsigned, so this is a logical shift
      default: result = (data << amount) | (data >> (6'd32 - amount));
    endcase
  end
endmodule
