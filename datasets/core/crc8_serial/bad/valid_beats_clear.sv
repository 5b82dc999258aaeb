module TopModule(input clk, input reset, input clear, input valid, input din,
                 output reg [7:0] crc);
  wire fb = crc[7] ^ din;
  always @(posedge clk) begin
    if (reset)      crc <= 8'h00;
    else if (valid) crc <= {crc[6:0], 1'b0} ^ (fb ? 8'h07 : 8'h00);
    else if (clear) crc <= 8'h00;
  end
endmodule
