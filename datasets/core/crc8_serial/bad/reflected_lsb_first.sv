module TopModule(input clk, input reset, input clear, input valid, input din,
                 output reg [7:0] crc);
  // the LSB-first (reflected) form of the same polynomial
  wire fb = crc[0] ^ din;
  always @(posedge clk) begin
    if (reset || clear) crc <= 8'h00;
    else if (valid)     crc <= {1'b0, crc[7:1]} ^ (fb ? 8'hE0 : 8'h00);
  end
endmodule
